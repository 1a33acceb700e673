import { useCallback, useEffect, useRef, useState, type Dispatch, type MutableRefObject, type SetStateAction } from 'react';

/**
 * What a panel lists from main: fetched once it is mounted and again on `refresh()`; nothing is set
 * after it is gone (`mounted` tells the panel's own callbacks the same). `fetch` says what a loaded
 * list looks like in the panel's state, `failed` what a refused one does.
 */
export function usePanelLoad<S>(
  fetch: () => Promise<S>,
  initial: S,
  failed: S,
): { load: S; setLoad: Dispatch<SetStateAction<S>>; refresh: () => void; mounted: MutableRefObject<boolean> } {
  const [load, setLoad] = useState<S>(initial);
  const mounted = useRef(true);
  const failedRef = useRef(failed);
  const refresh = useCallback(() => {
    fetch().then(
      (next) => mounted.current && setLoad(next),
      () => mounted.current && setLoad(failedRef.current),
    );
  }, [fetch]);

  useEffect(() => {
    mounted.current = true;
    refresh();
    return () => {
      mounted.current = false;
    };
  }, [refresh]);

  return { load, setLoad, refresh, mounted };
}
