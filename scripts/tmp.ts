import { connect } from '../src/db/connection.ts';
const db = await connect();
console.log(await db.query(`SELECT * FROM json_to_recordset($1::json) AS x(a int, p text[], l jsonb)`, [JSON.stringify([{ a: 1, p: ['x', 'y'], l: { line: 3 } }, { a: 2, p: [], l: {} }])]));
await db.close();
