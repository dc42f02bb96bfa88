import { Controller, Get, INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppConfigModule, loadConfig } from '@l10k/config';
import { AuthModule } from '../src/auth/auth.module';
import { CurrentActor } from '../src/auth/current-actor.decorator';
import { Principal, actorFor } from '../src/auth/principal';
import { Public } from '../src/auth/public.decorator';
import { Roles } from '../src/auth/roles.decorator';
import { issueDevToken } from '../src/auth/dev-tokens';
import { ProblemDetailsFilter, createValidationPipe } from '../src/problem-details';

const SECRET = 'dev-token-secret-for-the-roles-specs-0123456789';

/** Stand-ins for the write routes that will use @Roles(); the mechanics are the same. */
@Controller('probe')
class ProbeController {
  @Get('decide')
  @Roles('program_officer')
  decide(@CurrentActor() principal: Principal) {
    return actorFor(principal, 'program_officer');
  }

  @Get('draft')
  @Roles('municipality')
  draft(@CurrentActor() principal: Principal) {
    return actorFor(principal, 'municipality');
  }

  @Get('read')
  @Roles('program_officer', 'auditor')
  read(@CurrentActor() principal: Principal) {
    return { sub: principal.sub };
  }

  @Get('any-role')
  anyRole(@CurrentActor() principal: Principal) {
    return { roles: principal.roles };
  }

  @Get('public')
  @Public()
  open() {
    return { open: true };
  }
}

@Roles('reviewer')
@Controller('probe/reviews')
class ReviewerOnlyController {
  @Get()
  list() {
    return { items: [] };
  }
}

describe('@Roles(): who may call a route', () => {
  let app: INestApplication;
  beforeAll(async () => {
    const config = loadConfig({ DEV_TOKEN_SECRET: SECRET, LOG_LEVEL: 'silent' });
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(config), AuthModule.forRoot(config)],
      controllers: [ProbeController, ReviewerOnlyController],
    }).compile();
    app = moduleRef.createNestApplication(new FastifyAdapter(), { logger: false });
    app.useGlobalPipes(createValidationPipe());
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await app.close();
  });

  const key = new TextEncoder().encode(SECRET);
  const tokenFor = async (principal: Principal) => (await issueDevToken(key, principal, 300)).token;
  let officer: string, programOfficer: string, auditor: string, reviewer: string, auditorAndOfficer: string;
  beforeAll(async () => {
    officer = await tokenFor({
      sub: 'm-1',
      name: 'Officer',
      roles: ['municipality'],
      municipalityCode: '032077',
    });
    programOfficer = await tokenFor({ sub: 'po-1', name: 'MIC', roles: ['program_officer'] });
    auditor = await tokenFor({ sub: 'a-1', name: 'Auditor', roles: ['auditor'] });
    reviewer = await tokenFor({ sub: 'r-1', name: 'Expert', roles: ['reviewer'] });
    auditorAndOfficer = await tokenFor({ sub: 'x', name: 'Both', roles: ['auditor', 'program_officer'] });
  });
  const get = (path: string, token?: string) => {
    const call = request(app.getHttpServer()).get(path);
    return token ? call.set('Authorization', `Bearer ${token}`) : call;
  };

  it('lets a principal with the role through, and hands the domain an actor in that role', async () => {
    expect((await get('/probe/decide', programOfficer).expect(200)).body).toEqual({
      sub: 'po-1',
      role: 'program_officer',
    });
    expect((await get('/probe/draft', officer).expect(200)).body).toEqual({
      sub: 'm-1',
      role: 'municipality',
      municipalityCode: '032077',
    });
  });

  it('answers 403 naming the allowed roles to a principal without any of them', async () => {
    const response = await get('/probe/decide', officer).expect(403);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 403,
      title: 'Forbidden',
      detail: expect.stringContaining('program_officer'),
    });
    expect(response.body.errors).toEqual([
      { field: 'roles', rule: 'role', message: 'allowed roles: program_officer; the token has municipality' },
    ]);
  });

  it('accepts any one of several allowed roles', async () => {
    await get('/probe/read', programOfficer).expect(200);
    await get('/probe/read', auditor).expect(200);
    const response = await get('/probe/read', reviewer).expect(403);
    expect(response.body.errors[0].message).toBe(
      'allowed roles: program_officer, auditor; the token has reviewer',
    );
  });

  it('accepts a principal holding the allowed role among others', async () => {
    await get('/probe/decide', auditorAndOfficer).expect(200);
  });

  it('applies @Roles() on a controller to all its routes', async () => {
    await get('/probe/reviews', reviewer).expect(200);
    expect((await get('/probe/reviews', programOfficer).expect(403)).body.errors[0]).toMatchObject({
      rule: 'role',
    });
  });

  it('checks the token before the role: no token on a role-restricted route is a 401, not a 403', async () => {
    const response = await get('/probe/decide').expect(401);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'authorization', rule: 'token_missing' }),
    ]);
  });

  it('lets any authenticated principal call a route without @Roles(), and nobody without a token', async () => {
    expect((await get('/probe/any-role', auditor).expect(200)).body).toEqual({ roles: ['auditor'] });
    await get('/probe/any-role').expect(401);
  });

  it('lets anyone call a @Public() route', async () => {
    await get('/probe/public').expect(200);
  });
});
