import { describe, expect, it } from 'vitest';
import { pageDataFailed } from './page-data.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('pageDataFailed', () => {
  it('passes page data whose loads all ran, streamed promises included', () => {
    expect(pageDataFailed(bytes('{"type":"data","nodes":[{"type":"skip"},{"type":"data","data":[{"a":1},"error"],"uses":{}}]}\n'))).toBe(false);
    expect(pageDataFailed(bytes('{"type":"data","nodes":[null,{"type":"data","data":[{"sizes":1},2],"uses":{}}]}\n{"type":"chunk","id":1,"data":[null]}\n'))).toBe(false);
    expect(pageDataFailed(bytes('{"type":"redirect","location":"/fr"}'))).toBe(false);
  });

  it('catches a failed load, a rejected streamed promise, and anything it cannot read', () => {
    expect(pageDataFailed(bytes('{"type":"data","nodes":[{"type":"skip"},{"type":"error","error":{"message":"Service Unavailable"},"status":503}]}\n'))).toBe(true);
    expect(pageDataFailed(bytes('{"type":"data","nodes":[null,{"type":"data","data":[{"sizes":1},2],"uses":{}}]}\n{"type":"chunk","id":1,"error":[{"message":"1"},"Internal Error"]}\n'))).toBe(true);
    expect(pageDataFailed(bytes('{"type":"data","nodes":[]}\n<html>'))).toBe(true);
    expect(pageDataFailed(bytes('"a string"'))).toBe(true);
  });
});
