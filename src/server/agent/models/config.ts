import type { Env } from '@/env';
import { knownModel, UNKNOWN_CONTEXT_WINDOW } from './catalog';
import type { ModelInfo, ModelProvider } from './index';

/** The part of the environment that decides which models exist and how they are reached. */
export type ModelEnv = Pick<
  Env,
  | 'OPENAI_API_KEY'
  | 'OPENAI_MODELS'
  | 'OPENAI_BASE_URL'
  | 'OPENAI_COMPATIBLE_MODELS'
  | 'OPENAI_COMPATIBLE_CONTEXT_WINDOW'
  | 'ANTHROPIC_API_KEY'
  | 'ANTHROPIC_MODELS'
  | 'ANTHROPIC_BASE_URL'
  | 'HELICONE_API_KEY'
  | 'HELICONE_OPENAI_BASE_URL'
  | 'HELICONE_ANTHROPIC_BASE_URL'
>;

/** Where and how a model is called. Server-side only: it holds the API key. */
export interface ModelEndpoint {
  /** The provider's model name, as sent in requests. */
  model: string;
  baseUrl: string;
  apiKey: string;
  headers: Record<string, string>;
}

export interface ConfiguredModel {
  info: ModelInfo;
  endpoint: ModelEndpoint;
}

const OPENAI_URL = 'https://api.openai.com/v1';
/** Local servers ignore the key, but the OpenAI client refuses to start without one. */
const NO_KEY = 'not-needed';

/**
 * Every model this environment offers, in the order they are listed: OpenAI (or, when
 * OPENAI_BASE_URL is set, the OpenAI-compatible endpoint instead), then Anthropic.
 */
export function configuredModels(env: ModelEnv): ConfiguredModel[] {
  const helicone = env.HELICONE_API_KEY ? { 'Helicone-Auth': `Bearer ${env.HELICONE_API_KEY}` } : undefined;
  const models: ConfiguredModel[] = [];

  if (env.OPENAI_BASE_URL) {
    for (const name of env.OPENAI_COMPATIBLE_MODELS) {
      models.push({
        info: {
          id: `local:${name}`,
          provider: 'openai-compatible',
          label: name,
          contextWindow: env.OPENAI_COMPATIBLE_CONTEXT_WINDOW,
          pricing: { inputPerMTok: 0, outputPerMTok: 0 },
        },
        endpoint: { model: name, baseUrl: env.OPENAI_BASE_URL, apiKey: env.OPENAI_API_KEY ?? NO_KEY, headers: {} },
      });
    }
  } else if (env.OPENAI_API_KEY) {
    const baseUrl = helicone ? env.HELICONE_OPENAI_BASE_URL : OPENAI_URL;
    for (const name of env.OPENAI_MODELS) {
      models.push(hosted('openai', name, { model: name, baseUrl, apiKey: env.OPENAI_API_KEY, headers: { ...helicone } }));
    }
  }

  if (env.ANTHROPIC_API_KEY) {
    const baseUrl = helicone ? env.HELICONE_ANTHROPIC_BASE_URL : env.ANTHROPIC_BASE_URL;
    for (const name of env.ANTHROPIC_MODELS) {
      models.push(hosted('anthropic', name, { model: name, baseUrl, apiKey: env.ANTHROPIC_API_KEY, headers: { ...helicone } }));
    }
  }
  return dedupe(models);
}

function hosted(provider: Exclude<ModelProvider, 'openai-compatible'>, name: string, endpoint: ModelEndpoint): ConfiguredModel {
  const known = knownModel(provider, name);
  return {
    info: {
      id: `${provider}:${name}`,
      provider,
      label: known?.label ?? name,
      contextWindow: known?.contextWindow ?? UNKNOWN_CONTEXT_WINDOW,
      pricing: { inputPerMTok: known?.inputPerMTok ?? 0, outputPerMTok: known?.outputPerMTok ?? 0 },
    },
    endpoint,
  };
}

// A name listed twice would make two entries with one id; the first wins.
function dedupe(models: ConfiguredModel[]): ConfiguredModel[] {
  const seen = new Set<string>();
  return models.filter((model) => !seen.has(model.info.id) && seen.add(model.info.id));
}
