// Run once by the mongo image on its first start (from /docker-entrypoint-initdb.d, as the root user):
// the service's own user, who may read and write the ledger's database and nothing else.
const name = process.env.LEDGER_MONGODB_DATABASE || 'equality-ledger';
const user = process.env.LEDGER_MONGODB_USERNAME;
const password = process.env.LEDGER_MONGODB_PASSWORD;
if (!user || !password) {
  throw new Error('LEDGER_MONGODB_USERNAME and LEDGER_MONGODB_PASSWORD must be set');
}
db.getSiblingDB(name).createUser({ user: user, pwd: password, roles: [{ role: 'readWrite', db: name }] });
print('Created the ledger service user ' + user + ' with readWrite on ' + name);
