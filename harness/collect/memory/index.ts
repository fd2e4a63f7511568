export { TracegateSpanProcessor } from './span-processor.js';
export type { TracegateSpanProcessorOptions } from './span-processor.js';
export { TracegateSpanExporter } from './span-exporter.js';
export type { TracegateSpanExporterOptions } from './span-exporter.js';
