#include "services.h"
#include <libpq-fe.h>

int Database::query(const char *Sql) {
  PGresult *R = PQexec(static_cast<PGconn *>(Conn), Sql);
  int Rows = PQntuples(R);
  PQclear(R);
  return Rows;
}
