import type { RouteModule } from '../apiError.js';

export const healthRoutes = (): RouteModule => (app) => {
  app.get('/health', async () => ({ status: 'ok' }));
};
