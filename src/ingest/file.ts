import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../errors.ts';
import { DEFAULT_LIMITS, megabytes, type ReadLimits } from './limits.ts';

/** Reads a file from disk, refusing oversized files before reading a byte of them. */
export async function readInputFile(path: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<Uint8Array> {
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new AppError(
      'not_found',
      `cannot read ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`,
    );
  });
  if (!info.isFile()) throw new AppError('bad_request', `${path} is not a file`);
  if (info.size > limits.maxBytes) {
    throw new AppError(
      'too_large',
      `${path} is ${megabytes(info.size)}, the limit is ${megabytes(limits.maxBytes)}`,
      {
        hint: 'set GCMT_MAX_FILE_MB to raise it',
      },
    );
  }
  return readFile(path);
}
