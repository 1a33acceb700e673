/**
 * Which microphone a recording asks for (pure). The chosen device is asked for by `deviceId` with
 * `exact`, so the browser never silently swaps in another one; when it is gone (unplugged, a
 * different computer) the recording uses the system default, and the popover says so.
 */
export interface InputDevice {
  deviceId: string;
  label: string;
}

/** The audio inputs as the popover lists them, named even when the browser withholds labels (before permission). */
export function inputDevices(devices: readonly Pick<MediaDeviceInfo, 'deviceId' | 'kind' | 'label'>[]): InputDevice[] {
  const inputs = devices.filter(
    (d) => d.kind === 'audioinput' && d.deviceId && d.deviceId !== 'default' && d.deviceId !== 'communications',
  );
  return inputs.map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Microphone ${i + 1}` }));
}

/** The `audio` constraints for getUserMedia: the chosen device exactly, or the default when none is chosen. */
export function audioConstraints(microphoneId: string | null): MediaTrackConstraints {
  const base: MediaTrackConstraints = { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true };
  return microphoneId ? { ...base, deviceId: { exact: microphoneId } } : base;
}

/** getUserMedia's answer when an `exact` device is not there. */
export function isMissingDevice(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'OverconstrainedError' || name === 'NotFoundError' || name === 'DevicesNotFoundError';
}
