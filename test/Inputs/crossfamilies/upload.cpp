#include "services.h"
#include <curl/curl.h>

Uploader::~Uploader() { curl_easy_perform(static_cast<CURL *>(Easy)); }
