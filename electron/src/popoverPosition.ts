/**
 * Where the popover goes: centred under the tray icon (or above it when the taskbar is at the
 * bottom), clamped into the display's work area, in whole pixels because `setPosition` throws on
 * fractional values (max-mapper/menubar#233). Some Linux trays report bounds at x=0,y=0 (no real
 * position); then the popover goes to the work area's top-right corner (bottom-right when the
 * taskbar is at the bottom, as on Windows), which is where tray areas normally sit.
 */
interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface PopoverPlacementInput {
  tray: Rect;
  window: { width: number; height: number };
  /** The display that contains the tray: its full bounds and the work area (minus taskbars). */
  display: { bounds: Rect; workArea: Rect };
  /** Gap between the icon and the popover. */
  margin?: number;
}

type TaskbarEdge = 'top' | 'bottom' | 'left' | 'right';

/** The edge the taskbar sits on, from the difference between the display bounds and the work area. */
export function taskbarEdge(display: { bounds: Rect; workArea: Rect }): TaskbarEdge {
  const { bounds: b, workArea: w } = display;
  if (w.y > b.y) return 'top';
  if (w.x > b.x) return 'left';
  if (w.width < b.width && w.x === b.x) return 'right';
  if (w.height < b.height) return 'bottom';
  return 'top'; // auto-hidden taskbar / macOS menu bar reported without inset
}

export function popoverPosition(input: PopoverPlacementInput): { x: number; y: number } {
  const margin = input.margin ?? 4;
  const { tray, window: win, display } = input;
  const wa = display.workArea;
  const edge = taskbarEdge(display);
  let x: number;
  let y: number;

  const bogusTray = tray.x === 0 && tray.y === 0;
  if (bogusTray) {
    x = wa.x + wa.width - win.width - margin;
    y = edge === 'bottom' ? wa.y + wa.height - win.height - margin : wa.y + margin;
  } else if (edge === 'left') {
    x = wa.x + margin;
    y = tray.y + tray.height / 2 - win.height / 2;
  } else if (edge === 'right') {
    x = wa.x + wa.width - win.width - margin;
    y = tray.y + tray.height / 2 - win.height / 2;
  } else if (edge === 'bottom') {
    x = tray.x + tray.width / 2 - win.width / 2;
    y = tray.y - win.height - margin;
  } else {
    x = tray.x + tray.width / 2 - win.width / 2;
    y = tray.y + tray.height + margin;
  }

  // Keep the whole popover inside the work area (a tray icon near the screen edge would push it out).
  x = clamp(x, wa.x, wa.x + wa.width - win.width);
  y = clamp(y, wa.y, wa.y + wa.height - win.height);
  return { x: Math.round(x), y: Math.round(y) };
}

function clamp(v: number, lo: number, hi: number): number {
  // A window larger than the work area pins to its top-left rather than going negative.
  return Math.max(lo, Math.min(v, Math.max(lo, hi)));
}
