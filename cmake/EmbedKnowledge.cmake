# Writes OUT: one initializer per knowledge file in FILES (a '|' list),
# {"knowledge/NAME.yaml", R"corolint(TEXT)corolint"}, for Knowledge.cpp to
# compile in.
string(REPLACE "|" ";" FILES "${FILES}")
set(text "// Generated from knowledge/*.yaml by cmake/EmbedKnowledge.cmake.\n")
foreach(file IN LISTS FILES)
  file(READ "${file}" content)
  get_filename_component(name "${file}" NAME)
  string(FIND "${content}" ")corolint\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} holds the raw string's end delimiter")
  endif()
  string(APPEND text "{\"knowledge/${name}\", R\"corolint(${content})corolint\"},\n")
endforeach()
file(WRITE "${OUT}.tmp" "${text}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
