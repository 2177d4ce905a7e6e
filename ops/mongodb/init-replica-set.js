// Docker health check of the mongo service: initiates the one-node replica set the first time and
// reports healthy once this node is primary.
try {
  const status = rs.status();
  if (status.myState !== 1) {
    quit(1);
  }
} catch (e) {
  if (e.codeName === 'NotYetInitialized' || /no replset config/.test(String(e))) {
    rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] });
  }
  quit(1);
}
