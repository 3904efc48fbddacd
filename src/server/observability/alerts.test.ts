import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getMetrics } from './metrics';

interface Rule {
  alert: string;
  fields: Map<string, string>;
}

/**
 * Just enough YAML for a rules file: `- alert:` starts a rule, `key: value` lines (any depth) are
 * its fields. Values are single-line, which the file keeps to.
 */
function parseRules(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line) || !line.trim()) continue;
    const alert = /^\s*- alert:\s*(\S+)\s*$/.exec(line);
    if (alert) {
      rules.push({ alert: alert[1]!, fields: new Map() });
      continue;
    }
    const field = /^\s*([a-z_]+):\s*(.*)$/.exec(line);
    if (field && rules.length > 0 && field[2]) rules.at(-1)!.fields.set(field[1]!, field[2].replace(/^"(.*)"$/, '$1'));
  }
  return rules;
}

const rules = parseRules(readFileSync(path.join(process.cwd(), 'ops/prometheus/alerts.yml'), 'utf8'));

describe('ops/prometheus/alerts.yml', () => {
  it('has a rule for each of the seed alerts', () => {
    const names = rules.map((rule) => rule.alert);
    // High error rates, long response times, failed authentications, system resources, E2B session failures.
    expect(names).toEqual(expect.arrayContaining(['AuraHighErrorRate', 'AuraSlowResponses', 'AuraFailedAuthentications', 'AuraHighMemory', 'AuraEventLoopLag', 'AuraSandboxFailures']));
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(rules.map((rule) => [rule.alert, rule] as const))('%s has an expression, a duration, a severity and a summary', (_name, rule) => {
    expect(rule.fields.get('expr')).toBeTruthy();
    expect(rule.fields.get('for')).toMatch(/^\d+[smh]$/);
    expect(rule.fields.get('severity')).toMatch(/^(page|ticket)$/);
    expect(rule.fields.get('summary')).toBeTruthy();
    // Balanced parentheses and braces: a typo here would only show up in Prometheus.
    const expr = rule.fields.get('expr')!;
    for (const [open, close] of [['(', ')'], ['{', '}'], ['[', ']']] as const) expect(expr.split(open).length, `${open} in ${expr}`).toBe(expr.split(close).length);
  });

  it('references only metrics the app registers', async () => {
    const registered = new Set((await getMetrics().registry.getMetricsAsJSON()).map((metric) => metric.name));
    const referenced = new Set(rules.flatMap((rule) => [...rule.fields.get('expr')!.matchAll(/\b(?:aura|process|nodejs)_[a-z0-9_]+\b/g)].map((match) => match[0].replace(/_(bucket|count|sum)$/, ''))));
    expect(referenced.size).toBeGreaterThan(5);
    for (const name of referenced) expect(registered, name).toContain(name);
  });
});
