// Where seismo's bundled data (dictionaries, lexicons, the gazetteer) is
// found at run time.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace seismo {

// data/NAME in the build tree the running binary belongs to, else in
// /usr/local/share/seismo.
std::string find_data_file(std::string_view name);

// The dictionary files a --dictionaries/--petrarch style argument names:
// `path` itself when it is not a directory, else the directory's regular
// files (not descended) whose names contain one of `parts`, ASCII
// case-insensitively (any name when `parts` is empty), sorted.
std::vector<std::string> dictionary_files(const std::string& path, std::initializer_list<std::string_view> parts = {});

}  // namespace seismo
