import { describe, expect, it } from 'vitest';
import { EMPTY_VALUES, invalidFields, settingsFrom, suggestionsFor } from './profile-values';

const filled = {
  ...EMPTY_VALUES,
  name: 'Depo Ciliwung',
  apiBaseUrl: 'https://rvm.example.id/api/v2',
  reverbKey: 'key',
  reverbHost: 'WS.example.id',
  reverbPort: '8080',
  authEndpoint: 'https://rvm.example.id/api/broadcasting/auth',
};

describe('the profile form', () => {
  it('starts in Asia/Jakarta, on https', () => {
    expect(EMPTY_VALUES).toMatchObject({ timezone: 'Asia/Jakarta', reverbScheme: 'https' });
  });

  it('finds every field the core would refuse', () => {
    expect(invalidFields(filled)).toEqual([]);
    expect(invalidFields({ ...filled, reverbPort: '0', reverbHost: 'https://ws.example.id/', timezone: 'Mars/Olympus' })).toEqual([
      'reverbHost',
      'reverbPort',
      'timezone',
    ]);
    expect(invalidFields({ ...filled, reverbPort: '80a' })).toEqual(['reverbPort']);
  });

  it('turns the typed values into profile settings', () => {
    expect(settingsFrom({ ...filled, name: '  Depo  ' })).toMatchObject({
      name: 'Depo',
      reverb: { key: 'key', host: 'ws.example.id', port: 8080, scheme: 'https' },
    });
  });

  it('suggests the Reverb host and the Sanctum auth endpoint from the API address, only where empty', () => {
    expect(suggestionsFor({ ...EMPTY_VALUES, apiBaseUrl: 'https://rvm.example.id/api/v2' })).toEqual({
      reverbHost: 'rvm.example.id',
      authEndpoint: 'https://rvm.example.id/api/broadcasting/auth',
    });
    expect(suggestionsFor({ ...EMPTY_VALUES, apiBaseUrl: 'http://10.0.0.5:8000/myrvm/api/v2/' })).toEqual({
      reverbHost: '10.0.0.5',
      authEndpoint: 'http://10.0.0.5:8000/myrvm/api/broadcasting/auth',
    });
    expect(suggestionsFor(filled)).toEqual({});
    expect(suggestionsFor({ ...EMPTY_VALUES, apiBaseUrl: 'not a url' })).toEqual({});
  });
});
