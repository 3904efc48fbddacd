import Link from 'next/link';
import { FRAMEWORK_LABELS, FRAMEWORKS } from '@/lib/schemas/frameworks';
import { IdePreview } from '@/components/landing/ide-preview';

const FEATURES = [
  {
    title: 'A project in one step',
    body: 'Pick React, Next.js, Svelte, Vue or Angular, a UI library and your options. Aura scaffolds it with current toolchains, installs it and starts the dev server.',
  },
  {
    title: 'A sandbox per project',
    body: 'Each project runs in its own isolated sandbox, on this server or in the cloud. Your files are stored and versioned outside it, so nothing is lost when a sandbox expires.',
  },
  {
    title: 'A real editor and terminals',
    body: 'Monaco with tabs, diagnostics and your preferences; xterm terminals that reconnect with their scrollback; a live preview of the running app.',
  },
  {
    title: 'An agent that does the work',
    body: 'Ask for a change and the agent reads, edits and runs code in the sandbox, with diffs you can approve. Reviewer, debugger and documentation agents have only the rights they need.',
  },
  {
    title: 'Typed end to end',
    body: 'Every feature is a tRPC router with shared Zod schemas, so your CLI, editor extension or scripts call the same API with full types.',
  },
  {
    title: 'Yours to run',
    body: 'Deploy on Vercel with managed Postgres and cloud sandboxes, or self-host with one command. Locally it needs nothing but Node.js.',
  },
] as const;

export default function LandingPage() {
  return (
    <>
      <section className="mx-auto grid max-w-6xl items-center gap-12 px-4 pb-16 pt-16 lg:grid-cols-[1.05fr_1fr] lg:pt-24">
        <div>
          <p className="mb-4 inline-flex rounded-full border border-border px-3 py-1 text-xs font-medium text-muted">
            Browser IDE · sandboxes · AI agent
          </p>
          <h1 className="text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
            Build web apps in your browser, with an agent that runs them.
          </h1>
          <p className="mt-5 max-w-xl text-lg text-muted text-pretty">
            Aura turns a framework choice into a running project in seconds, then gives you a file tree, an editor,
            terminals, a live preview and an AI agent working in the same sandbox.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link
              href="/sign-up"
              className="rounded-md bg-accent px-4 py-2.5 text-sm font-medium text-white shadow-sm hover:bg-accent-strong"
            >
              Create an account
            </Link>
            <a href="#features" className="rounded-md border border-border px-4 py-2.5 text-sm font-medium hover:bg-surface-sunken">
              See what it does
            </a>
          </div>
        </div>
        <IdePreview />
      </section>

      <section id="frameworks" aria-labelledby="frameworks-title" className="border-y border-border bg-surface-sunken">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-3 px-4 py-6">
          <h2 id="frameworks-title" className="text-sm font-medium text-muted">
            Start from
          </h2>
          <ul className="flex flex-wrap gap-x-8 gap-y-2 text-base font-medium">
            {FRAMEWORKS.map((framework) => (
              <li key={framework}>{FRAMEWORK_LABELS[framework]}</li>
            ))}
          </ul>
        </div>
      </section>

      <section id="features" aria-labelledby="features-title" className="mx-auto max-w-6xl px-4 py-20">
        <h2 id="features-title" className="text-2xl font-semibold tracking-tight">
          Everything a project needs, in one tab
        </h2>
        <ul className="mt-10 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {FEATURES.map((feature) => (
            <li key={feature.title} className="rounded-xl border border-border bg-surface-raised p-6">
              <h3 className="font-medium">{feature.title}</h3>
              <p className="mt-2 text-sm leading-6 text-muted">{feature.body}</p>
            </li>
          ))}
        </ul>
      </section>

      <section id="get-started" aria-labelledby="get-started-title" className="border-t border-border bg-surface-sunken">
        <div className="mx-auto grid max-w-6xl gap-10 px-4 py-20 lg:grid-cols-2">
          <div>
            <h2 id="get-started-title" className="text-2xl font-semibold tracking-tight">
              Run it yourself in two commands
            </h2>
            <p className="mt-4 text-muted">
              No database server, no API keys, no <code className="font-mono text-sm">.env</code>. Aura starts an embedded
              PostgreSQL and local sandboxes; set the environment variables in the README to use your own Postgres, E2B
              and model providers instead.
            </p>
          </div>
          <pre className="overflow-x-auto rounded-xl border border-border bg-surface-raised p-5 font-mono text-sm leading-7">
            <code>
              <span className="text-muted"># install and run on http://localhost:3000</span>
              {'\nnpm install && npm run dev\n\n'}
              <span className="text-muted"># the whole test suite</span>
              {'\nnpm test'}
            </code>
          </pre>
        </div>
      </section>

      <footer className="border-t border-border">
        <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 px-4 py-8 text-sm text-muted">
          <span>Aura IDE</span>
          <span>Next.js · tRPC · Drizzle · PostgreSQL</span>
        </div>
      </footer>
    </>
  );
}
