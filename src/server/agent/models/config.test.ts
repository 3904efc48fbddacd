import { ChatAnthropic } from '@langchain/anthropic';
import { ChatOpenAI } from '@langchain/openai';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/server/errors';
import { configuredModels } from './config';
import { createModelRegistry, modelErrorOf } from './index';
import { modelEnv } from './test-env';

const ids = (raw: Record<string, string>) => createModelRegistry(modelEnv(raw)).listModels().map((model) => model.id);

describe('models from env', () => {
  it('offers nothing when no provider is configured', () => {
    const registry = createModelRegistry(modelEnv({}));
    expect(registry.listModels()).toEqual([]);
    expect(registry.defaultModelId()).toBeNull();
  });

  it('offers the default OpenAI models with an OpenAI key, the first one being the default', () => {
    const registry = createModelRegistry(modelEnv({ OPENAI_API_KEY: 'sk-test' }));
    expect(registry.listModels().map((model) => model.id)).toEqual(['openai:gpt-5.4', 'openai:gpt-5.5', 'openai:gpt-5.4-mini']);
    expect(registry.defaultModelId()).toBe('openai:gpt-5.4');
    expect(registry.listModels()[0]).toEqual({
      id: 'openai:gpt-5.4',
      provider: 'openai',
      label: 'GPT-5.4',
      contextWindow: 1_050_000,
      pricing: { inputPerMTok: 2.5, outputPerMTok: 15 },
    });
  });

  it('offers the listed models of each provider, OpenAI first', () => {
    expect(
      ids({ OPENAI_API_KEY: 'sk', OPENAI_MODELS: 'gpt-4o-mini, gpt-4o-mini', ANTHROPIC_API_KEY: 'ak', ANTHROPIC_MODELS: 'claude-haiku-4-5-20251001' }),
    ).toEqual(['openai:gpt-4o-mini', 'anthropic:claude-haiku-4-5-20251001']);
  });

  it('prices dated snapshots like their alias and unknown models at 0 with a conservative window', () => {
    const models = createModelRegistry(modelEnv({ ANTHROPIC_API_KEY: 'ak', ANTHROPIC_MODELS: 'claude-haiku-4-5-20251001,claude-next' })).listModels();
    expect(models[0]).toMatchObject({ label: 'Claude Haiku 4.5', contextWindow: 200_000, pricing: { inputPerMTok: 1, outputPerMTok: 5 } });
    expect(models[1]).toMatchObject({ label: 'claude-next', contextWindow: 128_000, pricing: { inputPerMTok: 0, outputPerMTok: 0 } });
  });

  it('offers the OpenAI-compatible endpoint\'s listed models instead of OpenAI\'s when a base URL is set', () => {
    const env = modelEnv({
      OPENAI_API_KEY: 'ollama',
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      OPENAI_COMPATIBLE_MODELS: 'llama3.1:8b,qwen2.5-coder:7b',
      OPENAI_COMPATIBLE_CONTEXT_WINDOW: '131072',
    });
    const registry = createModelRegistry(env);
    expect(registry.listModels()).toEqual([
      { id: 'local:llama3.1:8b', provider: 'openai-compatible', label: 'llama3.1:8b', contextWindow: 131_072, pricing: { inputPerMTok: 0, outputPerMTok: 0 } },
      { id: 'local:qwen2.5-coder:7b', provider: 'openai-compatible', label: 'qwen2.5-coder:7b', contextWindow: 131_072, pricing: { inputPerMTok: 0, outputPerMTok: 0 } },
    ]);
    expect(configuredModels(env)[0]!.endpoint).toEqual({ model: 'llama3.1:8b', baseUrl: 'http://127.0.0.1:11434/v1', apiKey: 'ollama', headers: {} });
    expect(registry.costOf('local:llama3.1:8b', { inputTokens: 1e6, outputTokens: 1e6 })).toBe(0);
  });

  it('needs no key for an OpenAI-compatible endpoint and offers nothing until its models are listed', () => {
    expect(ids({ OPENAI_BASE_URL: 'http://127.0.0.1:1234/v1' })).toEqual([]);
    const env = modelEnv({ OPENAI_BASE_URL: 'http://127.0.0.1:1234/v1', OPENAI_COMPATIBLE_MODELS: 'local-model' });
    expect(configuredModels(env)[0]!.endpoint.apiKey).toBe('not-needed');
  });

  it('routes OpenAI and Anthropic through Helicone with its auth header when HELICONE_API_KEY is set', () => {
    const env = modelEnv({ OPENAI_API_KEY: 'sk', ANTHROPIC_API_KEY: 'ak', OPENAI_MODELS: 'gpt-5.4', ANTHROPIC_MODELS: 'claude-sonnet-5', HELICONE_API_KEY: 'hk' });
    expect(configuredModels(env).map((model) => model.endpoint)).toEqual([
      { model: 'gpt-5.4', baseUrl: 'https://oai.helicone.ai/v1', apiKey: 'sk', headers: { 'Helicone-Auth': 'Bearer hk' } },
      { model: 'claude-sonnet-5', baseUrl: 'https://anthropic.helicone.ai', apiKey: 'ak', headers: { 'Helicone-Auth': 'Bearer hk' } },
    ]);
  });

  it('calls the providers directly without Helicone, and never through Helicone for a local endpoint', () => {
    const direct = modelEnv({ OPENAI_API_KEY: 'sk', ANTHROPIC_API_KEY: 'ak', OPENAI_MODELS: 'gpt-5.4', ANTHROPIC_MODELS: 'claude-sonnet-5' });
    expect(configuredModels(direct).map((model) => [model.endpoint.baseUrl, model.endpoint.headers])).toEqual([
      ['https://api.openai.com/v1', {}],
      ['https://api.anthropic.com', {}],
    ]);
    const local = modelEnv({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_COMPATIBLE_MODELS: 'llama3.1', HELICONE_API_KEY: 'hk' });
    expect(configuredModels(local)[0]!.endpoint).toMatchObject({ baseUrl: 'http://127.0.0.1:11434/v1', headers: {} });
  });

  it('builds the matching LangChain client, streaming with usage', () => {
    const registry = createModelRegistry(modelEnv({ OPENAI_API_KEY: 'sk', ANTHROPIC_API_KEY: 'ak', OPENAI_MODELS: 'gpt-5.4', ANTHROPIC_MODELS: 'claude-sonnet-5' }));
    const openai = registry.createChatModel('openai:gpt-5.4');
    expect(openai).toBeInstanceOf(ChatOpenAI);
    expect(openai).toMatchObject({ model: 'gpt-5.4', streaming: true, streamUsage: true });
    const anthropic = registry.createChatModel('anthropic:claude-sonnet-5');
    expect(anthropic).toBeInstanceOf(ChatAnthropic);
    expect(anthropic).toMatchObject({ model: 'claude-sonnet-5', streaming: true, streamUsage: true });
  });

  it('refuses a model that is not configured', () => {
    const registry = createModelRegistry(modelEnv({ OPENAI_API_KEY: 'sk' }));
    expect(() => registry.createChatModel('anthropic:claude-sonnet-5')).toThrow(AppError);
    expect(() => registry.createChatModel('openai:gpt-unknown')).toThrow(/Model "openai:gpt-unknown" is not configured/);
  });

  it('prices a run from its token usage', () => {
    const registry = createModelRegistry(modelEnv({ ANTHROPIC_API_KEY: 'ak', ANTHROPIC_MODELS: 'claude-sonnet-5' }));
    expect(registry.costOf('anthropic:claude-sonnet-5', { inputTokens: 1_000_000, outputTokens: 100_000 })).toBeCloseTo(2 + 1);
    expect(registry.costOf('anthropic:unknown', { inputTokens: 1_000_000, outputTokens: 1 })).toBe(0);
  });

  it('keeps secrets out of the model list', () => {
    const registry = createModelRegistry(modelEnv({ OPENAI_API_KEY: 'sk-secret', HELICONE_API_KEY: 'hk-secret' }));
    expect(JSON.stringify(registry.listModels())).not.toMatch(/secret/);
  });
});

describe('model errors', () => {
  it.each([
    [429, 'TOO_MANY_REQUESTS'],
    [401, 'PRECONDITION_FAILED'],
    [404, 'PRECONDITION_FAILED'],
    [400, 'BAD_REQUEST'],
    [500, 'SERVICE_UNAVAILABLE'],
    [529, 'SERVICE_UNAVAILABLE'],
  ])('maps a provider status %i to %s', (status, code) => {
    const error = modelErrorOf(Object.assign(new Error('provider said no'), { status }));
    expect(error.code).toBe(code);
    expect(error.message).not.toContain('provider said no');
  });

  it('treats a network failure as the provider being unavailable', () => {
    expect(modelErrorOf(new TypeError('fetch failed')).code).toBe('SERVICE_UNAVAILABLE');
  });
});
