#pragma once
// Health facts that some rules use to exclude a person (Xixian's rural centres admit only elders with
// "no mental illness and no statutory infectious disease", DOMAIN.md D.2).

namespace eldercare {

struct health_status {
  /// A severe mental disorder (the nationally managed 严重精神障碍 list). Whether a broader reading
  /// (any F-coded diagnosis) applies is a per-rule reading, not decided here.
  bool mental_illness = false;
  /// An active notifiable infectious disease (法定传染病) under the list in force.
  bool infectious_disease = false;
  friend bool operator==(const health_status&, const health_status&) = default;
};

} // namespace eldercare
