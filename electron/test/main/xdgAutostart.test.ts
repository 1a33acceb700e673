import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { autostartDir, desktopEntry, quoteExecArg, xdgAutostart } from '../../src/loginItem/xdgAutostart.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'vouch-xdg-'));
  dirs.push(d);
  return d;
};

describe('XDG autostart entry', () => {
  it('lives in $XDG_CONFIG_HOME/autostart, or ~/.config/autostart when unset or relative', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/cfg' }, '/home/alex')).toBe('/cfg/autostart');
    expect(autostartDir({}, '/home/alex')).toBe('/home/alex/.config/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative/cfg' }, '/home/alex')).toBe('/home/alex/.config/autostart');
  });

  it('quotes Exec arguments per the Desktop Entry spec', () => {
    expect(quoteExecArg('/opt/Vouch/vouch')).toBe('/opt/Vouch/vouch');
    expect(quoteExecArg('/home/alex/Apps/Vouch 1.0.AppImage')).toBe('"/home/alex/Apps/Vouch 1.0.AppImage"');
    expect(quoteExecArg('/a/$HOME"x`y')).toBe('"/a/\\\\$HOME\\\\"x\\\\`y"');
    // One literal backslash in a quoted argument is four in the file.
    expect(quoteExecArg('/a b\\c')).toBe('"/a b\\\\\\\\c"');
    expect(quoteExecArg('/opt/100%/vouch')).toBe('/opt/100%%/vouch');
    expect(() => quoteExecArg('/a\nb')).toThrow(TypeError);
  });

  it('is a valid entry that GNOME starts', () => {
    const text = desktopEntry({ exec: '/opt/Vouch App/vouch', args: ['--hidden'] });
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        '[Desktop Entry]',
        'Type=Application',
        'Name=Vouch',
        'Exec="/opt/Vouch App/vouch" --hidden',
        'X-GNOME-Autostart-enabled=true',
      ]),
    );
  });

  it('turning on writes the file (creating the folder), turning off removes it', async () => {
    const cfg = temp();
    const item = xdgAutostart({ exec: '/opt/Vouch/vouch', env: { XDG_CONFIG_HOME: cfg } });
    expect(item.file).toBe(join(cfg, 'autostart', 'vouch.desktop'));
    expect(await item.isEnabled()).toBe(false);
    await item.setEnabled(true);
    expect(readFileSync(item.file, 'utf8')).toContain('Exec=/opt/Vouch/vouch\n');
    expect(await item.isEnabled()).toBe(true);
    await item.setEnabled(true); // again: still one entry, no error
    expect(await item.isEnabled()).toBe(true);
    await item.setEnabled(false);
    expect(await item.isEnabled()).toBe(false);
    await item.setEnabled(false); // already off
  });

  it('an entry disabled by hand counts as off', async () => {
    const cfg = temp();
    const item = xdgAutostart({ exec: '/opt/Vouch/vouch', env: { XDG_CONFIG_HOME: cfg } });
    await item.setEnabled(true);
    writeFileSync(item.file, readFileSync(item.file, 'utf8').replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false'));
    expect(await item.isEnabled()).toBe(false);
    writeFileSync(item.file, desktopEntry({ exec: '/x' }) + 'Hidden=true\n');
    expect(await item.isEnabled()).toBe(false);
  });
});
