import { NO_MODEL_MESSAGE } from './runs/send-message';
import type { AgentRuntime } from './runtime';

/** The models the panel can offer, and how to configure one when there is none. */
export function describeModels(runtime: AgentRuntime) {
  const models = runtime.models.list();
  return { models, defaultModelId: runtime.models.defaultId(), configured: models.length > 0, help: models.length > 0 ? null : NO_MODEL_MESSAGE };
}
