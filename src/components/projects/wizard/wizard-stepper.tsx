import { WIZARD_STEPS } from './wizard-values';

/** The wizard's steps as an ordered list; steps already reached can be revisited. */
export function WizardStepper({ current, reached, locked, onSelect }: { current: number; reached: number; locked: boolean; onSelect: (index: number) => void }) {
  return (
    <nav aria-label="New project steps">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-2">
        {WIZARD_STEPS.map((step, index) => {
          const done = index < current || (locked && index < WIZARD_STEPS.length - 1);
          const enabled = !locked && index <= reached && index !== current && step.id !== 'create';
          return (
            <li key={step.id} className="flex items-center gap-2">
              {index > 0 ? <span aria-hidden="true" className={`h-px w-4 sm:w-8 ${index <= current ? 'bg-accent' : 'bg-border'}`} /> : null}
              <button
                type="button"
                disabled={!enabled}
                aria-current={index === current ? 'step' : undefined}
                onClick={() => onSelect(index)}
                className={`group flex items-center gap-2 rounded-full py-1 pl-1 pr-2.5 text-sm enabled:hover:bg-surface-sunken disabled:cursor-default ${index === current ? '' : 'max-sm:pr-1'}`}
              >
                <span
                  aria-hidden="true"
                  className={`flex size-6 items-center justify-center rounded-full text-xs font-semibold ${
                    index === current ? 'bg-accent text-white' : done ? 'bg-accent/15 text-accent' : 'border border-border text-muted'
                  }`}
                >
                  {done ? (
                    <svg viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth={2.4} strokeLinecap="round" strokeLinejoin="round">
                      <path d="m3.5 8.5 3 3 6-7" />
                    </svg>
                  ) : (
                    index + 1
                  )}
                </span>
                <span className={index === current ? 'font-medium' : 'text-muted group-enabled:group-hover:text-fg max-sm:sr-only'}>
                  {step.label}
                  {done ? <span className="sr-only"> (done)</span> : null}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
