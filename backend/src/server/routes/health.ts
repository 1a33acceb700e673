import { HealthResponse } from '../../protocol/index.js';
import { shaped, type RouteModule } from '../apiError.js';

export const healthRoutes = (): RouteModule => (app) => {
  app.get('/health', async () => shaped(HealthResponse, { status: 'ok' }));
};
