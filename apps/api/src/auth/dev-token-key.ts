import { Injectable } from '@nestjs/common';
import { AppConfig, InjectConfig } from '@l10k/config';
import { devTokenSecret } from './dev-token-secret';

/** The dev-token key, read (or created) on first use: an API that never sees a dev token never touches DATA_DIR for it. */
@Injectable()
export class DevTokenKey {
  private key?: Promise<Uint8Array>;

  constructor(@InjectConfig() private readonly config: AppConfig) {}

  get(): Promise<Uint8Array> {
    this.key ??= devTokenSecret(this.config).catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }
}
