/** Shown when the deployment has no model: how to configure one (nothing canned is ever answered). */
export function ModelsHelp({ help }: { help: string | null }) {
  return (
    <div role="note" className="space-y-2 p-3 text-sm">
      <p className="font-medium">No AI model is configured</p>
      <p className="text-muted">{help ?? 'Set a model provider in the environment and restart Aura.'}</p>
      <pre className="overflow-x-auto rounded-md border border-border bg-surface-sunken p-2 font-mono text-[12px] leading-5">
        {`# one of:
OPENAI_API_KEY=sk-…
ANTHROPIC_API_KEY=sk-ant-…
# or an OpenAI-compatible server (Ollama, vLLM, LM Studio):
OPENAI_BASE_URL=http://127.0.0.1:11434/v1
OPENAI_COMPATIBLE_MODELS=llama3.1`}
      </pre>
    </div>
  );
}
