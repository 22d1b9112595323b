// drizzle-kit reads this to turn src/lib/server/db/schema.postgres.ts into SQL migrations under
// drizzle/postgres/ (`npm run db:generate`). Generating needs no database; the server applies
// them itself on start, under an advisory lock so instances starting together migrate once.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema.postgres.ts',
	out: './drizzle/postgres'
});
