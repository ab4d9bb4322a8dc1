import { describe, expect, it } from 'vitest';
import { createUploadStaging } from './upload-staging';

describe('createUploadStaging', () => {
  it('joins pieces in order, whatever order they arrive in, and forgets the upload', () => {
    const staging = createUploadStaging();
    expect(staging.append('u1', 1, '"b"}')).toEqual({ ok: true });
    expect(staging.append('u1', 0, '{"a":')).toEqual({ ok: true });
    expect(staging.take('u1', 2)).toEqual({ ok: true, text: '{"a":"b"}' });
    expect(staging.size()).toBe(0);
    expect(staging.take('u1', 2)).toMatchObject({ ok: false, message: expect.stringMatching(/unknown or expired/) });
  });

  it('refuses an upload with a piece missing or too many pieces', () => {
    const staging = createUploadStaging();
    staging.append('u', 0, 'a');
    staging.append('u', 2, 'c');
    expect(staging.take('u', 3)).toMatchObject({ ok: false, message: 'Piece 2 of 3 of the upload is missing: import the file again.' });
    staging.append('v', 0, 'a');
    staging.append('v', 1, 'b');
    expect(staging.take('v', 1)).toMatchObject({ ok: false, message: expect.stringMatching(/2 pieces, not 1/) });
  });

  it('drops an upload that grows past the limit', () => {
    const staging = createUploadStaging({ maxChars: 5 });
    expect(staging.append('u', 0, 'abc')).toEqual({ ok: true });
    expect(staging.append('u', 1, 'def')).toEqual({ ok: false, message: 'The pack is too large to import.' });
    expect(staging.size()).toBe(0);
  });

  it('drops an abandoned upload after a while', () => {
    let clock = 0;
    const staging = createUploadStaging({ maxAgeMs: 1_000, now: () => clock });
    staging.append('u', 0, 'a');
    clock = 2_000;
    expect(staging.size()).toBe(0);
    expect(staging.take('u', 1).ok).toBe(false);
  });
});
