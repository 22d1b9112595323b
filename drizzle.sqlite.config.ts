// drizzle-kit reads this to turn src/lib/server/db/schema.sqlite.ts into SQL migrations under
// drizzle/sqlite/ (`npm run db:generate` runs it and its PostgreSQL twin). The server applies
// them itself on start.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'sqlite',
	schema: './src/lib/server/db/schema.sqlite.ts',
	out: './drizzle/sqlite'
});
