import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { SpeechModelEvent } from './bridge/contract.js';
import { type TrayAction, trayIconName, trayMenu, type TrayMenuState } from './trayMenu.js';
import { trayTooltip } from './trayTooltip.js';

/** The tray / menu-bar icon: its menu comes from trayMenu(); the icon shows the recording state. */
export function createTray(opts: { resourcesDir: string; onAction(action: TrayAction): void; onClick(): void }) {
  const icon = (name: string) => {
    const img = nativeImage.createFromPath(join(opts.resourcesDir, 'tray', `${name}.png`));
    // macOS menu bar: template images adapt to light/dark.
    if (process.platform === 'darwin') img.setTemplateImage(true);
    return img;
  };
  const tray = new Tray(icon('idle'));
  tray.setToolTip('Vouch');
  tray.on('click', () => opts.onClick());

  const update = (state: TrayMenuState, speech?: Omit<SpeechModelEvent, 'type'>) => {
    const template: MenuItemConstructorOptions[] = trayMenu(state).map((item) =>
      item.type === 'separator'
        ? { type: 'separator' }
        : {
            label: item.label ?? '',
            ...(item.type ? { type: item.type } : {}),
            ...(item.checked !== undefined ? { checked: item.checked } : {}),
            enabled: item.enabled ?? true,
            ...(item.action ? { click: () => opts.onAction(item.action!) } : {}),
          },
    );
    tray.setContextMenu(Menu.buildFromTemplate(template));
    const variant = trayIconName(state);
    tray.setImage(icon(variant));
    tray.setToolTip(trayTooltip(variant, speech));
  };
  return { tray, update };
}
