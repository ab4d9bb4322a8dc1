/**
 * A background answer as a popup view renders it. The popup keys each view by what it shows, so a new
 * entity or article is a new mount: the request runs again only when the request itself changes.
 */
import { useEffect, useState } from 'react';
import type { Result } from '../../lib/messaging/protocol';

export type Load<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; value: T };

/** Runs `request` (memoise it with useCallback) and keeps its answer; an answer to a replaced request is dropped. */
export function useResult<T>(request: () => Promise<Result<T>>): Load<T> {
  const [load, setLoad] = useState<Load<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void request().then((result) => {
      if (current) setLoad(result.ok ? { status: 'done', value: result.value } : { status: 'error', message: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [request]);
  return load;
}
