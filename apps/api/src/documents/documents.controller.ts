import { Controller, Get, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DOCUMENT_KINDS } from '@l10k/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { ApplicationIdPipe, UuidPipe } from '../params/uuid.pipe';
import { ProblemResponse } from '../problem-details/problem.response';
import { DocumentListView, DocumentReceiptView } from '../views/document.view';
import { Write } from '../write/write-request.decorator';
import type { WriteRequest } from '../write/write-request';
import { WriteResponses } from '../write/write-responses.decorator';
import { DocumentUploads } from './document-uploads.service';
import { contentDisposition } from './download/content-disposition';
import { digestHeaders } from './download/digest-headers';
import type { DocumentContent } from './reads/document-content.handler';
import { DocumentContentQuery } from './reads/document-content.query';
import { ListDocumentsQueryDto } from './reads/list-documents.dto';
import { ListDocumentsQuery } from './reads/list-documents.query';
import { fresh } from '@l10k/rules';

const READERS = ['municipality', 'reviewer', 'program_officer', 'auditor'] as const;

/** Attachments with receipts (API.md, "Attachments"). */
@ApiTags('documents')
@Controller('v1/applications')
export class DocumentsController {
  constructor(
    private readonly uploads: DocumentUploads,
    private readonly queries: QueryBus,
  ) {}

  @Post(':id/documents')
  @Roles('municipality')
  @ApiOperation({
    summary:
      'Upload one document (multipart/form-data: file, kind); the receipt carries its size and SHA-256',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'kind'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: 'PDF, images, Office documents, CSV or ZIP; at most DOCUMENT_MAX_BYTES (20 MiB)',
        },
        kind: { type: 'string', enum: [...DOCUMENT_KINDS] },
      },
    },
  })
  @WriteResponses({
    view: DocumentReceiptView,
    resource: 'application',
    successStatus: 201,
    conflict: 'The application is withdrawn or rejected',
  })
  @ApiPayloadTooLargeResponse({ type: ProblemResponse, description: 'The file is above the size limit' })
  upload(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Write() write: WriteRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<DocumentReceiptView> {
    return this.uploads.upload(applicationId, request, write, response);
  }

  @Get(':id/documents')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The application’s documents in the order received, a page at a time' })
  @ApiOkResponse({ type: DocumentListView })
  @ApiBadRequestResponse({ type: ProblemResponse })
  @ApiNotFoundResponse({ type: ProblemResponse })
  list(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Query() page: ListDocumentsQueryDto,
    @CurrentActor() principal: Principal,
  ): Promise<DocumentListView> {
    return this.queries.execute(new ListDocumentsQuery(applicationId, page, principal));
  }

  @Get(':id/documents/:documentId')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'The document’s bytes, as uploaded, with their SHA-256 in Repr-Digest and Digest',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The bytes' })
  @ApiBadRequestResponse({ type: ProblemResponse })
  @ApiNotFoundResponse({ type: ProblemResponse })
  async download(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Param('documentId', new UuidPipe('documentId', 'a document id')) documentId: string,
    @CurrentActor() principal: Principal,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StreamableFile> {
    const { stream, size, document } = await this.queries.execute<DocumentContentQuery, DocumentContent>(
      new DocumentContentQuery(applicationId, documentId, principal),
    );
    response.headers({
      ...fresh,
      ...digestHeaders(document.sha256),
      ETag: `"${document.sha256}"`,
      'Cache-Control': 'private, no-cache',
    });
    return new StreamableFile(stream, {
      type: document.contentType,
      length: size,
      disposition: contentDisposition(document.name),
    });
  }
}
