import { z } from 'zod';

// zod probes for eval (`new Function`) when it builds its first schema; the page's CSP forbids eval,
// so the probe would be reported as a violation. Imported first, before anything builds a schema.
z.config({ jitless: true });
