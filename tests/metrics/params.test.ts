import { describe, expect, it } from 'vitest';
import { ParamError, parseMetricParams, parseMetricPath, publicParams, METRICS } from '../../src/lib/server/metrics/params.ts';

function error(fn: () => unknown): ParamError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ParamError) return e;
    throw e;
  }
  throw new Error('no ParamError');
}

describe('parseMetricParams', () => {
  it('defaults', () => {
    expect(parseMetricParams('gender', new URLSearchParams())).toEqual({
      source: null, // the database's default, resolved when the metric is computed
      from: null,
      to: null,
      population: 'attendees',
      mode: 'all',
      definition: 'un_developing',
      session_type: null,
      exclude_host: false,
      level: 'year',
      dimension: null,
      category: null,
      target: null, // no distance-to-target columns
      format: 'json',
      lang: 'en' // the language of the README and the labels of a download
    });
    expect(parseMetricParams('sessions', {}).population).toBe('speakers');
  });

  it('reads every parameter', () => {
    const p = parseMetricParams(
      'global-south',
      new URLSearchParams('source=public_session_pages&from=2015&to=2019&population=speakers&mode=online&definition=all&session_type=workshop&exclude_host=true&format=csv')
    );
    expect(p).toMatchObject({ source: 'public_session_pages', from: 2015, to: 2019, population: 'speakers', mode: 'online', definition: 'all', session_type: 'workshop', exclude_host: true, format: 'csv' });
  });

  it.each([
    ['gender', 'foo=1', 'foo'],
    ['gender', 'from=20x0', 'from'],
    ['gender', 'from=2010;DROP TABLE attendance', 'from'],
    ['gender', "to=2019'--", 'to'],
    ['gender', 'to=1800', 'to'],
    ['gender', 'population=everyone', 'population'],
    ['gender', 'mode=hybrid', 'mode'],
    ['gender', 'exclude_host=yes', 'exclude_host'],
    ['gender', 'format=xml', 'format'],
    ['gender', 'definition=g77', 'definition'],
    ['global-south', "definition=g77' OR 1=1", 'definition'],
    ['representation', 'definition=all', 'definition'],
    ['representation', 'population=attendees', 'population'],
    ['sessions', 'population=attendees', 'population'],
    ['sessions', 'level=day', 'level'],
    ['gender', 'level=session', 'level'],
    ['gender', 'population=speakers&session_type=Work Shop', 'session_type'],
    ['gender', 'session_type=workshop', 'session_type'],
    ['gender', 'from=2020&to=2019', 'from'],
    ['gender', 'mode=onsite&mode=online', 'mode'],
    ['gender', "source=demo'--", 'source'],
    ['gender', 'source=', 'source'],
    ['gender', 'source=demo&source=user', 'source'],
    ['gender', "dimension=gender' OR 1=1", 'dimension'],
    ['gender', 'category=Female', 'category'],
    ['published', 'dimension=gender', 'dimension'],
    ['published', 'mode=onsite', 'mode'],
    ['gender', 'lang=de', 'lang'],
    ['gender', 'lang=FR', 'lang'],
    ['published', 'lang=fr&lang=es', 'lang']
  ])('%s?%s is refused, naming %s', (metric, query, parameter) => {
    const e = error(() => parseMetricParams(metric as never, new URLSearchParams(query)));
    expect(e.parameter).toBe(parameter);
    expect(e.status).toBe(400);
    expect(e.allowed.length).toBeGreaterThan(0);
    expect(e.toJSON()).toMatchObject({ error: 'invalid_parameter', parameter });
  });

  it('lists the allowed values', () => {
    expect(error(() => parseMetricParams('gender', { mode: 'x' })).allowed).toEqual(['all', 'onsite', 'online']);
    expect(error(() => parseMetricParams('global-south', { definition: 'x' })).allowed).toEqual([
      'un_developing',
      'g77',
      'wb_non_high_income',
      'regional_groups',
      'all'
    ]);
    expect(error(() => parseMetricParams('gender', { foo: 'x' })).allowed).toContain('exclude_host');
  });

  it('lang is one of the parameters: read, listed in the unknown-parameter message, not echoed', () => {
    for (const metric of METRICS) {
      expect(parseMetricParams(metric, { lang: 'fr' }).lang).toBe('fr');
      const unknown = error(() => parseMetricParams(metric, { foo: 'x' }));
      expect(unknown.allowed).toContain('lang');
      expect(unknown.message).toMatch(/^Unknown parameter "foo"\. Parameters of [a-z-]+: .*\blang\b/);
      expect(publicParams(metric, parseMetricParams(metric, { lang: 'fr' }))).toEqual(publicParams(metric, parseMetricParams(metric, {})));
    }
    const invalid = error(() => parseMetricParams('gender', { lang: 'de' }));
    expect(invalid.allowed).toEqual(['en', 'ar', 'zh', 'fr', 'ru', 'es']);
    expect(invalid.message).toContain('Invalid value for lang: "de". Allowed: en, ar, zh, fr, ru, es');
  });

  it('format from a suffix; a contradicting format= is refused', () => {
    expect(parseMetricParams('gender', {}, 'arrow').format).toBe('arrow');
    expect(parseMetricParams('gender', { format: 'csv' }, 'csv').format).toBe('csv');
    expect(error(() => parseMetricParams('gender', { format: 'json' }, 'csv')).parameter).toBe('format');
  });
});

describe('parseMetricPath', () => {
  it('takes a metric with or without a suffix', () => {
    for (const m of METRICS) expect(parseMetricPath(m)).toEqual({ metric: m, format: null });
    expect(parseMetricPath('gender.csv')).toEqual({ metric: 'gender', format: 'csv' });
    expect(parseMetricPath('global-south.arrow')).toEqual({ metric: 'global-south', format: 'arrow' });
    expect(parseMetricPath('gender.metadata.json')).toEqual({ metric: 'gender', format: 'metadata' });
    expect(parseMetricPath('gender.zip')).toEqual({ metric: 'gender', format: 'zip' });
  });
  it('refuses unknown metrics and suffixes with 404', () => {
    expect(error(() => parseMetricPath('age'))).toMatchObject({ status: 404, parameter: 'metric' });
    expect(error(() => parseMetricPath('gender.xml'))).toMatchObject({ status: 404, parameter: 'format' });
    expect(error(() => parseMetricPath('gender;drop'))).toMatchObject({ status: 404 });
    expect(error(() => parseMetricPath('gender.csv.zip'))).toMatchObject({ status: 404, parameter: 'format' });
    expect(error(() => parseMetricPath('gender.metadata'))).toMatchObject({ status: 404, parameter: 'format' });
  });
});
