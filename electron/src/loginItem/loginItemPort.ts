/** Launch at login: the operating system's list of apps opened when the person logs in. */
export interface LoginItemPort {
  isEnabled(): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<void>;
}
