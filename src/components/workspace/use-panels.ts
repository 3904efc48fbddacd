'use client';

import { useCallback, useRef, useState } from 'react';
import { usePanelRef, type Layout, type PanelSize } from 'react-resizable-panels';
import { saveLayouts, type LayoutGroup, type SavedLayouts } from './layout-state';

export type PanelName = 'files' | 'terminal' | 'preview' | 'agent';

/** The collapsible panels: their handles, whether each is open, and the layout saved per user. */
export function usePanels(userId: string, saved: SavedLayouts) {
  const refs = { files: usePanelRef(), terminal: usePanelRef(), preview: usePanelRef(), agent: usePanelRef() };
  const layouts = useRef(saved);
  const [open, setOpen] = useState<Record<PanelName, boolean>>(() => ({
    files: (saved.main?.files ?? 1) > 0,
    preview: (saved.main?.preview ?? 1) > 0,
    agent: (saved.main?.agent ?? 0) > 0,
    terminal: (saved.center?.terminal ?? 1) > 0,
  }));

  const onResize = useCallback(
    (name: PanelName) => (size: PanelSize) => setOpen((current) => (current[name] === size.inPixels > 0 ? current : { ...current, [name]: size.inPixels > 0 })),
    [],
  );

  const persist = useCallback(
    (group: LayoutGroup) => (layout: Layout, meta: { requestedLayout?: Layout }) => {
      layouts.current = { ...layouts.current, [group]: meta.requestedLayout ?? layout };
      saveLayouts(userId, layouts.current);
    },
    [userId],
  );

  const toggle = useCallback(
    (name: PanelName, show?: boolean) => {
      const panel = refs[name].current;
      if (!panel) return;
      const expand = show ?? panel.isCollapsed();
      if (expand) panel.expand();
      else panel.collapse();
    },
    // The refs are stable objects.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  return { refs, open, onResize, persist, toggle };
}
