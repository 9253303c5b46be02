// Schema migrations, applied in order; PRAGMA user_version records how many
// have run. Internal to store.
#pragma once
#include <vector>

namespace seismo {

const std::vector<const char*>& schema_migrations();

}  // namespace seismo
