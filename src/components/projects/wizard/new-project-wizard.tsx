'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/field';
import { getFramework } from '@/lib/catalog';
import { serverFieldErrors, validate, type FieldErrors } from '@/lib/form-errors';
import type { Framework } from '@/lib/schemas/frameworks';
import { createProjectInput } from '@/lib/schemas/projects';
import { useTRPC } from '@/trpc/react';
import { SetupProgress, type SetupProject } from '../setup-progress';
import { dependencyDraftProblem } from './dependencies-field';
import { FrameworkStep } from './framework-step';
import { OptionsStep } from './options-step';
import { ReviewStep } from './review-step';
import { UiLibraryStep } from './ui-library-step';
import { WizardStepper } from './wizard-stepper';
import { initialValues, toCreateInput, WIZARD_STEPS, withFramework, type WizardStepId, type WizardValues } from './wizard-values';

const OPTION_FIELDS = ['name', 'description', 'configuration'];
const CREATE = WIZARD_STEPS.length - 1;
const indexOf = (id: WizardStepId) => WIZARD_STEPS.findIndex((step) => step.id === id);
const focusFirstInvalid = () => requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

/**
 * The new-project wizard: framework, UI library, options, review, then create and follow the
 * setup live. The catalog is bundled, so every step renders without a request; the shared Zod
 * schemas validate each step as the server will. `project` opens it on the setup view.
 */
export function NewProjectWizard({ defaultFramework, project: existing }: { defaultFramework: Framework; project?: SetupProject }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.projects.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.projects.list.pathKey() }) }));
  const [values, setValues] = useState<WizardValues>(() => initialValues(defaultFramework));
  const [current, setCurrent] = useState(existing ? CREATE : 0);
  const [reached, setReached] = useState(current);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [dependencyDraft, setDependencyDraft] = useState('');
  const [project, setProject] = useState(existing);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const focusInvalid = useRef(false);
  const step = WIZARD_STEPS[current]!;

  // After a step change, focus its heading so keyboard and screen-reader users start at the top,
  // or the first field to fix when the server sent the user back to it.
  useEffect(() => {
    if (focusInvalid.current) {
      focusInvalid.current = false;
      focusFirstInvalid();
      return;
    }
    if (!moved.current) return;
    (document.getElementById('setup-title') ?? heading.current)?.focus();
  }, [current]);

  function goTo(index: number) {
    moved.current = true;
    setCurrent(index);
    setReached((value) => Math.max(value, index));
  }

  function backToOptions() {
    focusInvalid.current = true;
    goTo(indexOf('options'));
  }

  const update = (patch: Partial<WizardValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => !(key in patch))));
  };

  /** The options step's problems, from the same schema the server uses. */
  function optionErrors(): FieldErrors {
    const { errors: invalid } = validate(createProjectInput, toCreateInput(values));
    const found = Object.fromEntries(Object.entries(invalid).filter(([key]) => OPTION_FIELDS.includes(key)));
    const draftProblem = dependencyDraftProblem(dependencyDraft, values.configuration.additionalDependencies);
    return draftProblem ? { ...found, configuration: 'Fix or remove the dependency you are typing first.' } : found;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    if (step.id === 'options' || step.id === 'review') {
      const invalid = optionErrors();
      setErrors(invalid);
      if (Object.keys(invalid).length > 0) {
        if (step.id === 'review') backToOptions();
        else focusFirstInvalid();
        return;
      }
    }
    if (step.id !== 'review') return goTo(current + 1);
    try {
      const created = await create.mutateAsync(toCreateInput(values));
      setProject(created.project);
      goTo(CREATE);
      // A reload keeps showing this project's setup.
      window.history.replaceState(null, '', `/projects/new?project=${created.project.id}`);
    } catch (error) {
      const fields = serverFieldErrors(error);
      const onOptions = Object.keys(fields).some((key) => OPTION_FIELDS.includes(key));
      setErrors(fields);
      if (onOptions) backToOptions();
      // Anything else (a library that became unavailable, say) is shown above the review.
      else setFormError(Object.values(fields)[0] ?? (error as Error).message);
    }
  }

  const intro = INTROS[step.id](values);
  return (
    <div className="space-y-8">
      <WizardStepper current={current} reached={reached} locked={project !== undefined} onSelect={goTo} />
      {step.id === 'create' && project ? (
        <SetupProgress project={project} />
      ) : (
        <form onSubmit={onSubmit} noValidate aria-labelledby="wizard-step-title" className="space-y-6">
          <div>
            <h2 id="wizard-step-title" ref={heading} tabIndex={-1} className="text-xl font-semibold tracking-tight">
              {intro.title}
            </h2>
            <p className="mt-1 max-w-2xl text-sm text-muted">{intro.description}</p>
          </div>
          {formError ? <FormMessage kind="error">{formError}</FormMessage> : null}
          {step.id === 'framework' ? <FrameworkStep value={values.framework} defaultFramework={defaultFramework} onChange={(framework) => setValues((v) => withFramework(v, framework))} /> : null}
          {step.id === 'ui' ? <UiLibraryStep framework={values.framework} value={values.uiLibrary} onChange={(uiLibrary) => update({ uiLibrary })} /> : null}
          {step.id === 'options' ? (
            <OptionsStep values={values} errors={errors} onChange={update} dependencyDraft={dependencyDraft} onDependencyDraftChange={setDependencyDraft} />
          ) : null}
          {step.id === 'review' ? <ReviewStep values={values} onEdit={(id) => goTo(indexOf(id))} /> : null}
          <div className="flex items-center justify-between gap-3 border-t border-border pt-5">
            {current > 0 ? (
              <Button variant="secondary" onClick={() => goTo(current - 1)} disabled={create.isPending}>
                Back
              </Button>
            ) : (
              <span />
            )}
            <Button type="submit" disabled={create.isPending}>
              {step.id === 'review' ? (create.isPending ? 'Creating…' : 'Create project') : 'Continue'}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

const INTROS: Record<WizardStepId, (values: WizardValues) => { title: string; description: string }> = {
  framework: () => ({
    title: 'Choose a framework',
    description: 'Each project starts from its framework’s official scaffolder layout, at the current stable version.',
  }),
  ui: (values) => ({
    title: 'Pick a UI library',
    description: `Libraries that work with ${getFramework(values.framework).label} ${getFramework(values.framework).major}. Aura installs and wires in the one you pick, with an example component on the start page.`,
  }),
  options: () => ({ title: 'Name and configure it', description: 'Options a UI library cannot do without are switched on for you.' }),
  review: () => ({
    title: 'Review and create',
    description: 'Aura writes the files, installs the dependencies in a sandbox of its own and starts the dev server.',
  }),
  create: () => ({ title: 'Create', description: '' }),
};
