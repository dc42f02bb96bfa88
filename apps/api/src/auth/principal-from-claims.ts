import type { JWTPayload } from 'jose';
import { ROLES, Role } from '@l10k/domain';
import { checkLocalGovernmentCode, findLocalGovernment } from '@l10k/rules';
import type { Principal } from './principal';

export type ClaimsCheck =
  | { readonly valid: true; readonly principal: Principal }
  | {
      readonly valid: false;
      readonly claim: 'sub' | 'name' | 'roles' | 'municipalityCode';
      readonly message: string;
    };

function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * The principal a verified token's claims describe, or the first claim that does not hold.
 * A signature only proves who wrote the claims, not that they make sense here.
 */
export function principalFromClaims(claims: JWTPayload): ClaimsCheck {
  const { sub, name, roles, municipalityCode } = claims as Record<string, unknown>;
  if (!nonEmptyString(sub))
    return { valid: false, claim: 'sub', message: 'the "sub" claim must be a non-empty string' };
  if (!nonEmptyString(name))
    return { valid: false, claim: 'name', message: 'the "name" claim must be a non-empty string' };
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
    return {
      valid: false,
      claim: 'roles',
      message: `the "roles" claim must be a non-empty list of ${ROLES.join(', ')} (got ${JSON.stringify(roles) ?? 'nothing'})`,
    };
  }
  const distinctRoles = [...new Set(roles)];
  if (!distinctRoles.includes('municipality')) {
    return { valid: true, principal: { sub, name, roles: distinctRoles } };
  }
  if (typeof municipalityCode !== 'string') {
    return {
      valid: false,
      claim: 'municipalityCode',
      message: 'the "municipalityCode" claim is required with the municipality role',
    };
  }
  const code = checkLocalGovernmentCode(municipalityCode);
  if (!code.valid)
    return {
      valid: false,
      claim: 'municipalityCode',
      message: `the "municipalityCode" claim is invalid: ${code.reason}`,
    };
  if (findLocalGovernment(municipalityCode) === undefined)
    return {
      valid: false,
      claim: 'municipalityCode',
      message: `the "municipalityCode" claim ${municipalityCode} names no local government in MIC's 全国地方公共団体コード`,
    };
  return { valid: true, principal: { sub, name, roles: distinctRoles, municipalityCode } };
}
