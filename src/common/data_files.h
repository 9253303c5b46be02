// Where seismo's bundled data (dictionaries, lexicons, the gazetteer) is
// found at run time.
#pragma once
#include <string>
#include <string_view>

namespace seismo {

// data/NAME in the build tree the running binary belongs to, else in
// /usr/local/share/seismo.
std::string find_data_file(std::string_view name);

}  // namespace seismo
