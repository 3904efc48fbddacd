/**
 * What Aura knows about hosted models: a display label, the context window and list prices in USD
 * per million tokens (standard tier, short context, no caching or batch discounts). Prices change;
 * a model missing here still works, it is just shown with its raw name, a conservative window and
 * a cost of 0.
 */
export interface KnownModel {
  label: string;
  contextWindow: number;
  inputPerMTok: number;
  outputPerMTok: number;
}

const known = (label: string, contextWindow: number, inputPerMTok: number, outputPerMTok: number): KnownModel => ({
  label,
  contextWindow,
  inputPerMTok,
  outputPerMTok,
});

const OPENAI: Record<string, KnownModel> = {
  'gpt-5.5': known('GPT-5.5', 1_050_000, 5, 30),
  'gpt-5.4': known('GPT-5.4', 1_050_000, 2.5, 15),
  'gpt-5.4-mini': known('GPT-5.4 mini', 400_000, 0.75, 4.5),
  'gpt-5.4-nano': known('GPT-5.4 nano', 400_000, 0.2, 1.25),
  'gpt-5.2': known('GPT-5.2', 400_000, 1.75, 14),
  'gpt-5.1': known('GPT-5.1', 400_000, 1.25, 10),
  'gpt-5': known('GPT-5', 400_000, 1.25, 10),
  'gpt-5-mini': known('GPT-5 mini', 400_000, 0.25, 2),
  'gpt-5-nano': known('GPT-5 nano', 400_000, 0.05, 0.4),
  'gpt-4.1': known('GPT-4.1', 1_047_576, 2, 8),
  'gpt-4.1-mini': known('GPT-4.1 mini', 1_047_576, 0.4, 1.6),
  'gpt-4.1-nano': known('GPT-4.1 nano', 1_047_576, 0.1, 0.4),
  'gpt-4o': known('GPT-4o', 128_000, 2.5, 10),
  'gpt-4o-mini': known('GPT-4o mini', 128_000, 0.15, 0.6),
  o3: known('o3', 200_000, 2, 8),
  'o4-mini': known('o4-mini', 200_000, 1.1, 4.4),
};

const ANTHROPIC: Record<string, KnownModel> = {
  'claude-fable-5': known('Claude Fable 5', 1_000_000, 10, 50),
  'claude-opus-5': known('Claude Opus 5', 1_000_000, 5, 25),
  'claude-sonnet-5': known('Claude Sonnet 5', 1_000_000, 2, 10),
  'claude-opus-4-8': known('Claude Opus 4.8', 1_000_000, 5, 25),
  'claude-opus-4-7': known('Claude Opus 4.7', 1_000_000, 5, 25),
  'claude-opus-4-6': known('Claude Opus 4.6', 1_000_000, 5, 25),
  'claude-sonnet-4-6': known('Claude Sonnet 4.6', 1_000_000, 3, 15),
  'claude-opus-4-5': known('Claude Opus 4.5', 200_000, 5, 25),
  'claude-sonnet-4-5': known('Claude Sonnet 4.5', 200_000, 3, 15),
  'claude-haiku-4-5': known('Claude Haiku 4.5', 200_000, 1, 5),
  'claude-opus-4-1': known('Claude Opus 4.1', 200_000, 15, 75),
};

/** Looks a hosted model up by name; dated snapshots (`claude-haiku-4-5-20251001`, `gpt-4o-2024-08-06`) match their alias. */
export function knownModel(provider: 'openai' | 'anthropic', name: string): KnownModel | undefined {
  const table = provider === 'openai' ? OPENAI : ANTHROPIC;
  const alias = name.replace(/-\d{4}-\d{2}-\d{2}$/, '').replace(/-\d{8}$/, '');
  return Object.hasOwn(table, alias) ? table[alias] : undefined;
}

/** For hosted models missing from the table: small enough that trimming never overflows a real window. */
export const UNKNOWN_CONTEXT_WINDOW = 128_000;
