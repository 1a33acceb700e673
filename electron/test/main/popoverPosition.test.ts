import { describe, expect, it } from 'vitest';
import { popoverPosition, taskbarEdge } from '../../src/popoverPosition.js';

const win = { width: 360, height: 520 };
const macDisplay = { bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const winDisplay = { bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };

describe('popoverPosition', () => {
  it('centres under a menu-bar icon (top taskbar)', () => {
    const p = popoverPosition({ tray: { x: 1000, y: 0, width: 24, height: 22 }, window: win, display: macDisplay, margin: 4 });
    expect(p).toEqual({ x: 1000 + 12 - 180, y: 26 });
  });

  it('rounds fractional positions (setPosition throws on non-integers)', () => {
    const p = popoverPosition({ tray: { x: 1000.3, y: 0, width: 23, height: 22.5 }, window: win, display: macDisplay, margin: 4 });
    expect(Number.isInteger(p.x)).toBe(true);
    expect(Number.isInteger(p.y)).toBe(true);
    expect(p).toEqual({ x: Math.round(1000.3 + 11.5 - 180), y: Math.round(26.5) });
  });

  it('clamps into the work area when the icon is near the right edge', () => {
    const p = popoverPosition({ tray: { x: 1420, y: 0, width: 20, height: 22 }, window: win, display: macDisplay });
    expect(p.x).toBe(1440 - 360);
  });

  it('opens above the icon when the taskbar is at the bottom (Windows)', () => {
    expect(taskbarEdge(winDisplay)).toBe('bottom');
    const p = popoverPosition({ tray: { x: 1700, y: 1045, width: 30, height: 30 }, window: win, display: winDisplay, margin: 4 });
    expect(p).toEqual({ x: 1715 - 180, y: 1040 - 520 });
  });

  it('falls back to the top-right corner when Linux reports the tray at x=0,y=0', () => {
    const linux = { bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 27, width: 1920, height: 1053 } };
    const p = popoverPosition({ tray: { x: 0, y: 0, width: 0, height: 0 }, window: win, display: linux, margin: 4 });
    expect(p).toEqual({ x: 1920 - 360 - 4, y: 27 + 4 });
  });

  it('x=0 fallback goes bottom-right when the taskbar is at the bottom', () => {
    const p = popoverPosition({ tray: { x: 0, y: 0, width: 0, height: 0 }, window: win, display: winDisplay, margin: 4 });
    expect(p).toEqual({ x: 1920 - 360 - 4, y: 1040 - 520 - 4 });
  });

  it('works on a secondary display with a negative origin', () => {
    const left = { bounds: { x: -1280, y: 0, width: 1280, height: 800 }, workArea: { x: -1280, y: 25, width: 1280, height: 775 } };
    const p = popoverPosition({ tray: { x: -1290 + 5, y: 0, width: 20, height: 22 }, window: win, display: left });
    expect(p.x).toBe(-1280); // clamped to the display's left edge
  });

  it('side taskbars put the popover next to it', () => {
    const leftBar = { bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 60, y: 0, width: 1860, height: 1080 } };
    expect(taskbarEdge(leftBar)).toBe('left');
    const p = popoverPosition({ tray: { x: 10, y: 900, width: 40, height: 40 }, window: win, display: leftBar, margin: 4 });
    expect(p).toEqual({ x: 64, y: Math.min(920 - 260, 1080 - 520) });
  });
});
