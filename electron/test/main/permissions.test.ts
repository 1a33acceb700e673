import { describe, expect, it } from 'vitest';
import { PACKAGED_ORIGIN } from '../../src/appOrigin.js';
import { decidePermission, decidePermissionCheck } from '../../src/permissions.js';
import { contentSecurityPolicy, externalUrlToOpen } from '../../src/security.js';

const own = 'vouch://app/index.html';
const base = { requestingUrl: own, fromPopover: true, isMainFrame: true };

describe('decidePermission', () => {
  it('allows the microphone (media, audio only) for the app renderer', () => {
    expect(decidePermission({ ...base, permission: 'media', mediaTypes: ['audio'] }, PACKAGED_ORIGIN)).toBe(true);
  });

  it('refuses the camera, or audio+video', () => {
    expect(decidePermission({ ...base, permission: 'media', mediaTypes: ['video'] }, PACKAGED_ORIGIN)).toBe(false);
    expect(decidePermission({ ...base, permission: 'media', mediaTypes: ['audio', 'video'] }, PACKAGED_ORIGIN)).toBe(false);
    expect(decidePermission({ ...base, permission: 'media', mediaTypes: [] }, PACKAGED_ORIGIN)).toBe(false);
  });

  it('refuses every other permission', () => {
    for (const p of ['notifications', 'geolocation', 'display-capture', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(decidePermission({ ...base, permission: p, mediaTypes: ['audio'] }, PACKAGED_ORIGIN)).toBe(false);
    }
  });

  it('refuses other origins, look-alike hosts and sub-frames', () => {
    const media = { permission: 'media', mediaTypes: ['audio'] };
    expect(decidePermission({ ...base, ...media, requestingUrl: 'https://evil.example/' }, PACKAGED_ORIGIN)).toBe(false);
    expect(decidePermission({ ...base, ...media, requestingUrl: 'vouch://app.evil/' }, PACKAGED_ORIGIN)).toBe(false);
    expect(decidePermission({ ...base, ...media, requestingUrl: 'vouch://user@app/' }, PACKAGED_ORIGIN)).toBe(false);
    expect(decidePermission({ ...base, ...media, requestingUrl: 'file:///index.html' }, PACKAGED_ORIGIN)).toBe(false);
    expect(decidePermission({ ...base, ...media, requestingUrl: 'not a url' }, PACKAGED_ORIGIN)).toBe(false);
    expect(decidePermission({ ...base, ...media, isMainFrame: false }, PACKAGED_ORIGIN)).toBe(false);
    expect(decidePermission({ ...base, ...media, fromPopover: false }, PACKAGED_ORIGIN)).toBe(false);
  });

  it('check handler: audio yes, anything unspecified no', () => {
    expect(decidePermissionCheck({ ...base, permission: 'media', mediaType: 'audio' }, PACKAGED_ORIGIN)).toBe(true);
    expect(decidePermissionCheck({ ...base, permission: 'media', mediaType: 'unknown' }, PACKAGED_ORIGIN)).toBe(false);
    expect(decidePermissionCheck({ ...base, permission: 'media', mediaType: 'video' }, PACKAGED_ORIGIN)).toBe(false);
  });
});

describe('externalUrlToOpen', () => {
  const policy = { hosts: ['tenant.example.com', 'accounts.google.com', '127.0.0.1:8788'] };
  it('passes https URLs to allowlisted hosts, and http only to this machine', () => {
    expect(externalUrlToOpen('https://tenant.example.com/authorize?b=1', policy)).toBe('https://tenant.example.com/authorize?b=1');
    expect(externalUrlToOpen('https://accounts.google.com/o/oauth2/v2/auth', policy)).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(externalUrlToOpen('http://127.0.0.1:8788/connect', policy)).toBe('http://127.0.0.1:8788/connect');
  });
  it('refuses other schemes, credentials, hosts off the list and look-alikes', () => {
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'vouch://app/',
      'smb://host/share',
      'https://u:p@tenant.example.com/',
      '//tenant.example.com',
      'nonsense',
      'https://example.com/a',
      'http://tenant.example.com/authorize',
      'https://tenant.example.com.evil.test/',
      'https://accounts.google.com:8443/',
      'http://127.0.0.1:3000/x',
      'https://evil.test/?next=https://accounts.google.com/',
    ]) {
      expect(externalUrlToOpen(bad, policy), bad).toBeUndefined();
    }
  });
});

describe('contentSecurityPolicy', () => {
  it('is strict: no inline or eval script, no remote script, only the backend for connections', () => {
    const csp = contentSecurityPolicy(['ws://127.0.0.1:8787']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:8787");
    expect(csp).toContain("object-src 'none'");
  });
});
