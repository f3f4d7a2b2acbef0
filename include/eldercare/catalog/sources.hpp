#pragma once
// The seed documents the catalog encodes (POLICIES.md's index), each named once. A citation's
// `source` is "seeds/FILE": the file as it is in the shared seeds folder, kept verbatim in the
// repository as docs/sources/FILE so that an entry can be read beside its source (the policy pages
// link there, and a test checks that every cited file is present and every quote is in it).
// Sources that are not seeds name a section of DOMAIN.md ("DOMAIN.md E.1 (beijing.gov.cn ...)").

#include <string_view> // source names

namespace eldercare::catalog_sources {

/// The prefix of a seed source: "seeds/000_c316a80b4f0fd0a0.txt".
inline constexpr std::string_view seed_prefix = "seeds/";

/// 北京青年报 2024-01-12: 西城区 (Xicheng) briefing — cross-region care, travel stays, talent, norms.
inline constexpr const char* seed_000 = "seeds/000_c316a80b4f0fd0a0.txt";
/// 2022-10-15: 威海 (Weihai) eldercare projects, with 荣成 (Rongcheng)'s 暖心食堂.
inline constexpr const char* seed_001 = "seeds/001_861ae1dac3f93ce2.txt";
/// 《西咸新区关于推进养老服务发展的实施方案》 (Xixian New Area).
inline constexpr const char* seed_002 = "seeds/002_3366aee3d7778266.txt";
/// 广东省民政厅 2020-09-16: a Guangdong city's home and community eldercare reform (traditional script).
inline constexpr const char* seed_003 = "seeds/003_3399271195f83ca0.txt";
/// 金台资讯 2023-02-21: 西安市民政局 (Xi'an) on its eldercare services.
inline constexpr const char* seed_004 = "seeds/004_aa02dc6a1d41df0a.txt";

/// The file name of a seed source, which is also its name in docs/sources/ ("000_c316a80b4f0fd0a0.txt"
/// for "seeds/000_c316a80b4f0fd0a0.txt"); empty for a source that is not a seed file.
[[nodiscard]] constexpr std::string_view seed_file(std::string_view source) noexcept {
  if (!source.starts_with(seed_prefix)) return {};
  return source.substr(seed_prefix.size());
}

} // namespace eldercare::catalog_sources
