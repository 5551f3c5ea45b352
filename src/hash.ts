import { createHash } from 'node:crypto';

/** The hex SHA-256 of bytes, or of a string's UTF-8: how results identify their input. */
export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
