import { describe, expect, it } from 'vitest';
import { corsHeaders, preflightResponse } from './cors';

const allowed = ['https://tools.example.com'];

describe('CORS', () => {
  it('lets a listed origin call the API with bearer tokens, never with cookies', () => {
    const headers = corsHeaders({ origin: 'https://tools.example.com', allowed });
    expect(headers?.get('access-control-allow-origin')).toBe('https://tools.example.com');
    expect(headers?.get('access-control-allow-headers')).toContain('authorization');
    expect(headers?.get('access-control-allow-credentials')).toBeNull();
    expect(preflightResponse({ origin: 'https://tools.example.com', allowed }).status).toBe(204);
  });

  it('gives any other origin nothing, and refuses its preflight', () => {
    for (const origin of ['https://evil.example', 'https://tools.example.com.evil.example', 'null', null]) {
      expect(corsHeaders({ origin, allowed })).toBeNull();
      const preflight = preflightResponse({ origin, allowed });
      expect(preflight.status).toBe(403);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('allows no origin at all when CORS_ORIGINS is empty', () => {
    expect(corsHeaders({ origin: 'http://localhost:5173', allowed: [] })).toBeNull();
  });
});
