// drizzle-kit reads this to turn src/lib/server/db/schema.ts into SQL migrations under
// drizzle/ (`npm run db:generate`). The server applies them itself on start.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'sqlite',
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle'
});
