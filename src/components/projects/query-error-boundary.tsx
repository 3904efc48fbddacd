'use client';

import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';

class Boundary extends Component<{ children: ReactNode; onReset: () => void; title: string }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="rounded-xl border border-red-500/30 bg-red-500/8 p-6 text-sm">
        <p className="font-medium text-red-800 dark:text-red-200">{this.props.title}</p>
        <p className="mt-1 text-red-700 dark:text-red-300">{this.state.error.message}</p>
        <Button
          variant="secondary"
          className="mt-4"
          onClick={() => {
            this.props.onReset();
            this.setState({ error: null });
          }}
        >
          Try again
        </Button>
      </div>
    );
  }
}

/** Shows a suspense query's error with a "Try again" that refetches it. */
export function QueryErrorBoundary({ title, children }: { title: string; children: ReactNode }) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <Boundary onReset={reset} title={title}>
          {children}
        </Boundary>
      )}
    </QueryErrorResetBoundary>
  );
}
