import { describe, expect, it } from 'vitest';
import { SESSION_TYPES, sessionTypeCode } from './session-types.ts';

describe('sessionTypeCode', () => {
  it('reads the speakers file’s codes and the demonstration records’ codes as the same formats', () => {
    expect(sessionTypeCode('day_0')).toBe('day_0_event');
    expect(sessionTypeCode('day_0_event')).toBe('day_0_event');
    expect(sessionTypeCode('dc')).toBe('dynamic_coalition');
    expect(sessionTypeCode('dynamic_coalition')).toBe('dynamic_coalition');
    expect(sessionTypeCode('networking')).toBe('networking_session');
    expect(sessionTypeCode('networking_session')).toBe('networking_session');
  });

  it('knows every format under its own code, whatever its case', () => {
    for (const code of SESSION_TYPES) expect(sessionTypeCode(code)).toBe(code);
    expect(sessionTypeCode('Workshop')).toBe('workshop');
  });

  it('knows no code it was not given', () => {
    expect(sessionTypeCode('high_level_leaders_track')).toBeNull();
    expect(sessionTypeCode('')).toBeNull();
  });
});
