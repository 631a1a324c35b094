import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadHaboDemo } from './load-habo-demo';
import { loadStenungsundOrustTjornDemo } from './stenungsund-orust-tjorn.demo';
import { loadVadstenaDemo } from './vadstena.demo';
import { loadKungsorDemo } from './kungsor.demo';

/** Every demo case: Habo (the seed document), Stenungsund–Orust–Tjörn, Vadstena/Motala and Kungsör. */
export async function loadAllDemos(app: NestFastifyApplication): Promise<void> {
  await loadHaboDemo(app);
  await loadStenungsundOrustTjornDemo(app);
  await loadVadstenaDemo(app);
  await loadKungsorDemo(app);
}
