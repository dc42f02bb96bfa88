import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { applicationStream, mayAttachDocument } from '@l10k/domain';
import { AppConfig, InjectConfig } from '@l10k/config';
import { EVENT_STORE, type EventStore } from '@l10k/eventstore';
import { Clock } from '../clock/clock';
import { receiptOf, type DocumentReceiptView } from '../views/document.view';
import type { ApplicationView } from '../views/application.view';
import { domainProblem } from '../write/domain-problems';
import { eventIdFor } from '../write/event-ids';
import { checkExpectedRevision } from '../write/expected-revision';
import { loadStream } from '../write/loaded-stream';
import { storeProblem } from '../write/store-problems';
import type { WriteRequest } from '../write/write-request';
import { Writes } from '../write/writes.service';
import { DOCUMENT_STORE, type DocumentStore } from './storage/document-store';
import { contentTypeOf } from './upload/content-type';
import { receiveUpload } from './upload/receive-upload';
import { uploadProblems } from './upload/upload-problems';
import { fresh } from '@l10k/rules';

/**
 * An upload from request to receipt (DESIGN.md, "Attachments"): the caller is checked
 * before a byte is read; the file streams into the store, its content type is found in
 * its bytes, and it is committed (fsynced, in place) before DocumentAttached goes through
 * the one write pipeline. Nothing is acknowledged that is not durably written.
 */
@Injectable()
export class DocumentUploads {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly writes: Writes,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async upload(
    applicationId: string,
    http: FastifyRequest,
    write: WriteRequest,
    response: FastifyReply,
  ): Promise<DocumentReceiptView> {
    await this.admit(applicationId, write);
    const { kind, name, staged } = await receiveUpload(
      http.raw,
      this.documents,
      this.config.documentMaxBytes,
    );
    let contentType: string;
    try {
      const found = await contentTypeOf(staged.head, name);
      if (!found.ok) throw uploadProblems.disallowed(found.found);
      contentType = found.contentType;
      await staged.commit();
    } catch (error) {
      await staged.discard();
      throw error;
    }
    // The body is not JSON: what makes a repeat the same request is the file, its name and kind.
    const fingerprint = createHash('sha256')
      .update(`${write.fingerprint}\u0000${kind}\u0000${name}\u0000${staged.sha256}`)
      .digest('hex');
    const upload: WriteRequest = { ...fresh, ...write, fingerprint };
    const documentId = eventIdFor(upload, 'document-id', 0);
    const command = {
      type: 'AttachDocument',
      data: { applicationId, documentId, kind, name, size: staged.size, sha256: staged.sha256, contentType },
    } as const;
    const view = await this.writes.execute<ApplicationView>(response, command, upload, 201);
    const document = view.documents.find((candidate) => candidate.documentId === documentId);
    if (!document) throw new Error(`the answer to attaching ${documentId} does not list it`);
    response.header('Location', `/v1/applications/${applicationId}/documents/${documentId}`);
    return receiptOf(document);
  }

  /**
   * Refuses before the body is read whoever the decider would refuse (another municipality's
   * application is a 404), and a stale If-Match: such an upload would store bytes for nothing.
   * The decider checks again when the event is appended.
   */
  private async admit(applicationId: string, write: WriteRequest): Promise<void> {
    const loaded = await loadStream(this.events, applicationStream(applicationId)).catch((error: unknown) => {
      throw storeProblem(error) ?? error;
    });
    const allowed = mayAttachDocument(loaded.state, {
      at: this.clock.now().toISOString(),
      actor: write.actor,
    });
    if (!allowed.ok) throw domainProblem(allowed.error);
    checkExpectedRevision(loaded.revision, write, 'application');
  }
}
