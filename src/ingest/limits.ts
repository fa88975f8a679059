import { AppError } from '../errors.ts';

/** Per-file limits; defaults fit real policy documents with a wide margin. */
export interface ReadLimits {
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Largest total uncompressed size of a DOCX package (zip bombs). */
  maxUnpackedBytes: number;
  /** Wall-clock limit for one file's reader, in milliseconds. */
  timeoutMs: number;
  /** Largest number of PDF pages read. */
  maxPages: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: Number(process.env.GCMT_MAX_FILE_MB ?? 25) * 1024 * 1024,
  maxUnpackedBytes: 200 * 1024 * 1024,
  timeoutMs: 60_000,
  maxPages: 2000,
};

export function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Rejects a promise that runs past the limit. The work itself cannot be cancelled, only abandoned. */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppError('timeout', `${what} took longer than ${ms / 1000} s`, {
            hint: 'the file may be corrupt or hostile',
          }),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
