import { Counter, Gauge, Histogram, Registry, type CounterConfiguration, type GaugeConfiguration, type HistogramConfiguration } from 'prom-client';

const key = Symbol.for('kb.metrics');
const holder = globalThis as unknown as Record<symbol, Registry | undefined>;

/**
 * What /metrics exposes (Prometheus text format): one registry per process, kept on globalThis so the
 * rooms' metrics and the page that serves them meet even when the build puts them in separate chunks.
 */
export const registry: Registry = (holder[key] ??= new Registry());

/** The registry's metric of that name, made on first use: a module evaluated twice must not register it twice. */
function once<M>(name: string, make: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? make();
}

export function counter<T extends string>(config: Omit<CounterConfiguration<T>, 'registers'>): Counter<T> {
  return once(config.name, () => new Counter({ ...config, registers: [registry] }));
}

export function gauge<T extends string>(config: Omit<GaugeConfiguration<T>, 'registers'>): Gauge<T> {
  return once(config.name, () => new Gauge({ ...config, registers: [registry] }));
}

export function histogram<T extends string>(config: Omit<HistogramConfiguration<T>, 'registers'>): Histogram<T> {
  return once(config.name, () => new Histogram({ ...config, registers: [registry] }));
}
